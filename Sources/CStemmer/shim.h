// Snowball's libstemmer (Debian libstemmer-dev 2.2, no pkg-config file): sb_stemmer_new/stem/length/delete.
#include <libstemmer.h>
