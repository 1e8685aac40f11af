// libdeflate, as Swift sees it: whole-buffer DEFLATE, zlib wrapping and CRC-32.
// Nothing here needs a C wrapper.
#include <libdeflate.h>
