// libpng, for reading brand marks through its simplified API, which catches its own
// errors: no longjmp reaches Swift. (PNGs are written with libdeflate, in Swift.)
#ifndef TERROIR_CPNG_SHIM_H
#define TERROIR_CPNG_SHIM_H

#include <png.h>

#endif
