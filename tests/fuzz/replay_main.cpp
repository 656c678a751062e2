// The normal build's stand-in for libFuzzer: feeds every file in the folders (or the files) named
// on the command line to LLVMFuzzerTestOneInput once, in name order. A crash or sanitizer report
// fails the test; so does a missing path or finding no input at all.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz_target.h"

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> inputs_in(const fs::path& path) {
    if (!fs::is_directory(path)) return {path};
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(path))
        if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t replayed = 0;
    for (int i = 1; i < argc; ++i) {
        fs::path path = argv[i];
        if (!fs::exists(path)) {
            std::cerr << "replay: " << path.string() << " does not exist\n";
            return 1;
        }
        for (const auto& input : inputs_in(path)) {
            std::ifstream in(input, std::ios::binary);
            std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            if (!in.good() && !in.eof()) {
                std::cerr << "replay: cannot read " << input.string() << "\n";
                return 1;
            }
            LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
            ++replayed;
        }
    }
    if (replayed == 0) {
        std::cerr << "replay: no inputs\n";
        return 1;
    }
    std::cout << "replay: " << replayed << " inputs, no failure\n";
    return 0;
}
