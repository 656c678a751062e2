// tests/fuzz/fuzz_target.h: the entry point every fuzz target defines (libFuzzer's), and which
// replay_main.cpp calls for each saved input in the normal build.
#pragma once

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
