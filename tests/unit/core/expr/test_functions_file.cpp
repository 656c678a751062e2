#include <catch2/catch.hpp>
#include <filesystem>

#include "expr_test_support.h"

using namespace plinth;
using namespace plinth::expr;
using namespace plinth::expr::testing;

namespace {

// hello.txt, sub/nested.txt and binary.bin in a fresh directory.
struct FileFixture : TempDir {
    FileFixture() {
        write("hello.txt", "Hello World");
        write("sub/nested.txt", "nested\n");
        write("binary.bin", std::string("\xff\xfe\x00\x01", 4));
    }
};

}  // namespace

TEST_CASE("expr: file reads relative to the base directory") {
    FileFixture files;
    CHECK(eval("${file(\"hello.txt\")}", sample_scope(), files.dir) == Value("Hello World"));
    CHECK(eval("${file(\"sub/nested.txt\")}", sample_scope(), files.dir) == Value("nested\n"));
    std::string absolute = (files.dir / "hello.txt").string();
    CHECK(eval("${file(\"" + absolute + "\")}", sample_scope(), "/nonexistent") == Value("Hello World"));
    CHECK(error_of("${file(\"missing.txt\")}", sample_scope(), files.dir) == "file: no file exists at \"missing.txt\"");
    CHECK(error_of("${file(\"sub\")}", sample_scope(), files.dir) == "file: \"sub\" is a directory, not a file");
    CHECK(error_of("${file(\"binary.bin\")}", sample_scope(), files.dir) ==
          "file: the contents of \"binary.bin\" are not valid UTF-8; use filebase64 for binary files");
}

TEST_CASE("expr: fileexists and filebase64") {
    FileFixture files;
    CHECK(eval("${fileexists(\"hello.txt\")}", sample_scope(), files.dir) == Value(true));
    CHECK(eval("${fileexists(\"nope.txt\")}", sample_scope(), files.dir) == Value(false));
    CHECK(error_of("${fileexists(\"sub\")}", sample_scope(), files.dir) == "fileexists: \"sub\" is a directory, not a file");
    CHECK(eval("${filebase64(\"hello.txt\")}", sample_scope(), files.dir) == Value("SGVsbG8gV29ybGQ="));
    CHECK(eval("${filebase64(\"binary.bin\")}", sample_scope(), files.dir) == Value("//4AAQ=="));
}

TEST_CASE("expr: basename, dirname and abspath") {
    CHECK(eval("${basename(\"foo/bar/baz.txt\")}") == Value("baz.txt"));
    CHECK(eval("${basename(\"foo/bar/\")}") == Value("bar"));
    CHECK(eval("${basename(\"\")}") == Value("."));
    CHECK(eval("${basename(\"/\")}") == Value("/"));
    CHECK(eval("${dirname(\"foo/bar/baz.txt\")}") == Value("foo/bar"));
    CHECK(eval("${dirname(\"foo\")}") == Value("."));
    CHECK(eval("${dirname(\"/foo\")}") == Value("/"));
    CHECK(eval("${dirname(\"/a//b/c\")}") == Value("/a/b"));
    CHECK(eval("${abspath(\"sub/../x\")}", sample_scope(), "/stacks/web") == Value("/stacks/web/x"));
    CHECK(eval("${abspath(\"/tmp/a/\")}", sample_scope(), "/stacks/web") == Value("/tmp/a"));
}
