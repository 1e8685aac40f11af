// libpng reports errors by longjmp. The encoder below keeps setjmp and every libpng
// call in C, so that no longjmp ever crosses a Swift frame; Swift calls one
// function and reads a status and a message.
#ifndef TERROIR_CPNG_SHIM_H
#define TERROIR_CPNG_SHIM_H

#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/// A growable memory buffer libpng writes into.
typedef struct {
    unsigned char *data;
    size_t size;
    size_t capacity;
    char message[256];
} terroir_png_output;

static inline void terroir_png_error(png_structp png, png_const_charp message) {
    terroir_png_output *output = (terroir_png_output *)png_get_error_ptr(png);
    snprintf(output->message, sizeof output->message, "%s", message ? message : "libpng error");
    png_longjmp(png, 1);
}

static inline void terroir_png_warning(png_structp png, png_const_charp message) {
    (void)png;
    (void)message;
}

static inline void terroir_png_write(png_structp png, png_bytep bytes, png_size_t length) {
    terroir_png_output *output = (terroir_png_output *)png_get_io_ptr(png);
    if (output->size + length > output->capacity) {
        size_t capacity = output->capacity ? output->capacity : 65536;
        while (capacity < output->size + length) capacity *= 2;
        unsigned char *grown = (unsigned char *)realloc(output->data, capacity);
        if (!grown) png_error(png, "out of memory");
        output->data = grown;
        output->capacity = capacity;
    }
    memcpy(output->data + output->size, bytes, length);
    output->size += length;
}

static inline void terroir_png_flush(png_structp png) { (void)png; }

/// Encodes `height` rows of `row_bytes` each into `output` as a PNG: grey at
/// `bit_depth` 1 or 8 (`color_type` PNG_COLOR_TYPE_GRAY) or RGB at 8. Writes a pHYs
/// chunk when `pixels_per_metre` is not 0, filters rows only for 1-bit images (Up), zlib level
/// `compression_level`. Returns 0, or -1 with `output->message` set; on failure the
/// caller still frees `output->data`.
static inline int terroir_png_encode(const unsigned char *pixels, unsigned width, unsigned height, size_t row_bytes,
                                     int bit_depth, int color_type, unsigned pixels_per_metre, int compression_level,
                                     terroir_png_output *output) {
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, output, terroir_png_error, terroir_png_warning);
    if (!png) {
        snprintf(output->message, sizeof output->message, "libpng could not start");
        return -1;
    }
    png_infop info = png_create_info_struct(png);
    if (!info) {
        png_destroy_write_struct(&png, NULL);
        snprintf(output->message, sizeof output->message, "libpng could not start");
        return -1;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return -1;
    }
    png_set_write_fn(png, output, terroir_png_write, terroir_png_flush);
    png_set_IHDR(png, info, width, height, bit_depth, color_type, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    if (pixels_per_metre > 0) png_set_pHYs(png, info, pixels_per_metre, pixels_per_metre, PNG_RESOLUTION_METER);
    png_set_compression_level(png, compression_level);
    if (bit_depth == 1) {
        // Bi-level labels are long runs of white: run-length matching is as small as
        // full matching and much faster; the largest literal buffer means fewer blocks,
        // each with its own Huffman tables, to build. The Up filter turns the dot rows
        // that repeat a QR module row into zeros: files 40% smaller at the same speed.
        png_set_compression_strategy(png, 3 /* Z_RLE */);
        png_set_compression_mem_level(png, 9);
    }
    png_set_filter(png, 0, bit_depth == 1 ? PNG_FILTER_UP : PNG_FILTER_NONE);
    png_write_info(png, info);
    for (unsigned row = 0; row < height; row++) png_write_row(png, (png_const_bytep)(pixels + (size_t)row * row_bytes));
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    return 0;
}

#endif
