#pragma once
// Gives memory the process has freed back to the system, between two large phases of one command
// (`parkgis run`: the import's gigabytes before the analysis), so that the peak is the larger phase's
// and not their sum. With mimalloc in the process (the parkgis program links it) this is mi_collect;
// otherwise the C library's malloc_trim.

namespace parkgis {

void release_free_memory();

}  // namespace parkgis
