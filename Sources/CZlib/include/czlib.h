// A plain-C seam over zlib: gzip streams inflated and deflated through opaque handles,
// so that Swift never sees <zlib.h>.
#ifndef CZLIB_H
#define CZLIB_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Whether `bytes` (at least 2 of them) start a gzip stream (1f 8b).
int czlib_is_gzip(const uint8_t *bytes, size_t count);

/// A gzip decompressor (concatenated members are read as one stream); NULL when out of memory.
void *czlib_inflater_new(void);
void czlib_inflater_free(void *inflater);
/// Inflates from `in` into `out`. Sets `*consumed` and `*produced`. Returns 0 while the
/// stream goes on, 1 at the end of a member, -1 on corrupt data (then `message` holds
/// zlib's words, at most `message_size` bytes with the NUL).
int czlib_inflate(void *inflater, const uint8_t *in, size_t in_count, size_t *consumed,
                  uint8_t *out, size_t out_count, size_t *produced, char *message, size_t message_size);
/// Starts the next member after one ended (for concatenated gzip files).
int czlib_inflater_reset(void *inflater);

/// A gzip compressor at zlib's default level; NULL when out of memory.
void *czlib_deflater_new(void);
void czlib_deflater_free(void *deflater);
/// Deflates `in` (all of it) into `out`; with `finish`, ends the stream. Sets
/// `*consumed` and `*produced`. Returns 0 when more output space is needed or the call
/// is done, 1 when the finished stream is complete, -1 on an error.
int czlib_deflate(void *deflater, const uint8_t *in, size_t in_count, size_t *consumed,
                  uint8_t *out, size_t out_count, size_t *produced, int finish);

#ifdef __cplusplus
}
#endif

#endif
