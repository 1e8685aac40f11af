// FreeType's headers are included through macros, which a module map cannot name.
#include <ft2build.h>
#include FT_FREETYPE_H
