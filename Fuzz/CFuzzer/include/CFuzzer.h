#ifndef TERROIR_CFUZZER_H
#define TERROIR_CFUZZER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (in the toolchain's libclang_rt.fuzzer, linked by
/// -sanitize=fuzzer): parses libFuzzer's flags and calls `callback` with each input.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
