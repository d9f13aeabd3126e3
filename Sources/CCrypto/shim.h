// OpenSSL's message digests (the library libpq itself links): the checksums migration tools record.
#include <openssl/evp.h>
