#ifndef CZLIB_SHIM_H
#define CZLIB_SHIM_H

// zlib: inflating baked PNG text chunks and gzip status lists, and CRC-32. Only OpenBadges
// imports this.
#include <zlib.h>

#endif
