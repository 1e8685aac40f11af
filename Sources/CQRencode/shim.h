// libqrencode, as Swift sees it. Nothing here needs a C wrapper.
#include <qrencode.h>
