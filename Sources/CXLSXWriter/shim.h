#ifndef CXLSXWRITER_SHIM_H
#define CXLSXWRITER_SHIM_H

// The whole libxlsxwriter API; only Sources/XLSX may import this module.
#include <xlsxwriter.h>

#endif
