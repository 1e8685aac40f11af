// cairo, for PDF: its PDF surface, and a font face made from a font file so that
// cairo owns the FreeType face it draws with (and embeds its subset).
#ifndef TERROIR_CCAIRO_SHIM_H
#define TERROIR_CCAIRO_SHIM_H

#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-ft.h>

/// A cairo font face for face 0 of the font file at `path`. cairo loads and frees
/// the FreeType face itself; check the face's status before use.
static inline cairo_font_face_t *terroir_cairo_font_face(const char *path) {
    FcPattern *pattern = FcPatternCreate();
    if (!pattern) return NULL;
    FcPatternAddString(pattern, FC_FILE, (const FcChar8 *)path);
    FcPatternAddInteger(pattern, FC_INDEX, 0);
    cairo_font_face_t *face = cairo_ft_font_face_create_for_pattern(pattern);
    FcPatternDestroy(pattern);
    return face;
}

#endif
