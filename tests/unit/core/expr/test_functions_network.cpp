#include <catch2/catch.hpp>

#include "expr_test_support.h"

using namespace plinth;
using namespace plinth::expr;
using namespace plinth::expr::testing;

TEST_CASE("expr: cidrhost and cidrnetmask") {
    CHECK(eval("${cidrhost(\"10.12.112.0/20\", 16)}") == Value("10.12.112.16"));
    CHECK(eval("${cidrhost(\"10.12.112.0/20\", 268)}") == Value("10.12.113.12"));
    CHECK(eval("${cidrhost(\"10.12.112.0/20\", -1)}") == Value("10.12.127.255"));
    CHECK(eval("${cidrhost(\"fd00:fd12:3456:7890:00a2::/72\", 34)}") == Value("fd00:fd12:3456:7890::22"));
    CHECK(eval("${cidrnetmask(\"172.16.0.0/12\")}") == Value("255.240.0.0"));
    CHECK(eval("${cidrnetmask(\"10.0.0.0/32\")}") == Value("255.255.255.255"));
    CHECK(error_of("${cidrhost(\"10.0.0.0/30\", 4)}") == "cidrhost: prefix of 30 bits cannot accommodate a host numbered 4");
    CHECK(error_of("${cidrhost(\"10.0.0/8\", 1)}") == "cidrhost: invalid CIDR prefix \"10.0.0/8\"");
    CHECK(error_of("${cidrnetmask(\"fd00::/8\")}") == "cidrnetmask: only IPv4 prefixes have a netmask");
}

TEST_CASE("expr: cidrsubnet") {
    CHECK(eval("${cidrsubnet(\"172.16.0.0/12\", 4, 2)}") == Value("172.18.0.0/16"));
    CHECK(eval("${cidrsubnet(\"10.1.2.0/24\", 4, 15)}") == Value("10.1.2.240/28"));
    CHECK(eval("${cidrsubnet(\"fd00:fd12:3456:7890::/56\", 16, 162)}") == Value("fd00:fd12:3456:7800:a200::/72"));
    CHECK(error_of("${cidrsubnet(\"10.1.2.0/24\", 4, 16)}") ==
          "cidrsubnet: prefix extension of 4 bits cannot accommodate network number 16");
    CHECK(error_of("${cidrsubnet(\"10.1.2.0/24\", 9, 0)}") == "cidrsubnet: 9 new bits would extend the prefix /24 past 32 bits");
}

TEST_CASE("expr: cidrsubnets") {
    CHECK(eval("${cidrsubnets(\"10.1.0.0/16\", 4, 4, 8, 4)}") ==
          list({"10.1.0.0/20", "10.1.16.0/20", "10.1.32.0/24", "10.1.48.0/20"}));
    CHECK(eval("${cidrsubnets(\"fd00:fd12:3456:7890::/56\", 16, 16, 16, 32)}") ==
          list({"fd00:fd12:3456:7800::/72", "fd00:fd12:3456:7800:100::/72", "fd00:fd12:3456:7800:200::/72",
                "fd00:fd12:3456:7800:300::/88"}));
    CHECK(eval("${cidrsubnets(\"10.0.0.0/8\")}") == list({}));
    CHECK(error_of("${cidrsubnets(\"10.0.0.0/31\", 1, 1, 1)}") ==
          "cidrsubnets: not enough remaining address space for a subnet with a prefix of 32 bits");
    CHECK(error_of("${cidrsubnets(\"10.0.0.0/24\", 9)}") == "cidrsubnets: argument 2 must be between 1 and 8, got 9");
}
