#!/usr/bin/env bash
# Installs what building and testing plinth need on Debian 12 (bookworm), from Debian's own
# packages. Safe to run again: when everything is already installed it does nothing.
# Runs as root, or through sudo when it is available.
set -euo pipefail

packages=(
    g++ cmake ninja-build pkg-config   # toolchain and build
    libcli11-dev                      # command-line parsing
    libyaml-cpp-dev                   # stack files
    nlohmann-json3-dev                # state, plan files, JSON output
    libfmt-dev                        # formatting
    libssl-dev                        # OpenSSL libcrypto: hashing, base64, randomness
    libcrypt-dev                      # libxcrypt: bcrypt() in expressions
    libcurl4-openssl-dev              # HTTP: module archives, providers that talk to services
    libarchive-dev                    # unpacking module archives (.tar.gz, .tar.bz2, .tar.xz, .zip)
    git                               # fetching modules from git repositories
    catch2                            # unit tests (Catch2 v2)
    python3                           # end-to-end tests
)

missing=()
for package in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$package")
done

if [[ ${#missing[@]} -eq 0 ]]; then
    echo "install-deps: all ${#packages[@]} packages are already installed"
    exit 0
fi

as_root=()
if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1; then
        as_root=(sudo)
    else
        echo "install-deps: run this as root (or install sudo); missing: ${missing[*]}" >&2
        exit 1
    fi
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
