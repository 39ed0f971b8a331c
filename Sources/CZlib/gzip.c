#include "czlib.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

// Points the stream at the buffers, each at most 1 GiB a call (zlib counts in uInt).
static void set_buffers(z_stream *s, const uint8_t *in, size_t in_count, uint8_t *out, size_t out_count,
                        uInt *in_max, uInt *out_max) {
  *in_max = in_count > 0x40000000u ? 0x40000000u : (uInt)in_count;
  *out_max = out_count > 0x40000000u ? 0x40000000u : (uInt)out_count;
  s->next_in = (Bytef *)in;
  s->avail_in = *in_max;
  s->next_out = out;
  s->avail_out = *out_max;
}

int czlib_is_gzip(const uint8_t *bytes, size_t count) {
  return count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b;
}

void *czlib_inflater_new(void) {
  z_stream *s = calloc(1, sizeof(z_stream));
  if (!s) return NULL;
  // 15 + 16: a gzip wrapper, the largest window.
  if (inflateInit2(s, 15 + 16) != Z_OK) { free(s); return NULL; }
  return s;
}

void czlib_inflater_free(void *inflater) {
  if (!inflater) return;
  inflateEnd((z_stream *)inflater);
  free(inflater);
}

int czlib_inflate(void *inflater, const uint8_t *in, size_t in_count, size_t *consumed,
                  uint8_t *out, size_t out_count, size_t *produced, char *message, size_t message_size) {
  z_stream *s = (z_stream *)inflater;
  uInt in_max, out_max;
  set_buffers(s, in, in_count, out, out_count, &in_max, &out_max);
  int r = inflate(s, Z_NO_FLUSH);
  *consumed = in_max - s->avail_in;
  *produced = out_max - s->avail_out;
  if (r == Z_STREAM_END) return 1;
  if (r == Z_OK || r == Z_BUF_ERROR) return 0;
  if (message && message_size > 0) {
    const char *m = s->msg ? s->msg : "invalid data";
    strncpy(message, m, message_size - 1);
    message[message_size - 1] = 0;
  }
  return -1;
}

int czlib_inflater_reset(void *inflater) { return inflateReset((z_stream *)inflater) == Z_OK ? 0 : -1; }

void *czlib_deflater_new(void) {
  z_stream *s = calloc(1, sizeof(z_stream));
  if (!s) return NULL;
  if (deflateInit2(s, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) { free(s); return NULL; }
  return s;
}

void czlib_deflater_free(void *deflater) {
  if (!deflater) return;
  deflateEnd((z_stream *)deflater);
  free(deflater);
}

int czlib_deflate(void *deflater, const uint8_t *in, size_t in_count, size_t *consumed,
                  uint8_t *out, size_t out_count, size_t *produced, int finish) {
  z_stream *s = (z_stream *)deflater;
  uInt in_max, out_max;
  set_buffers(s, in, in_count, out, out_count, &in_max, &out_max);
  int r = deflate(s, finish && in_max == in_count ? Z_FINISH : Z_NO_FLUSH);
  *consumed = in_max - s->avail_in;
  *produced = out_max - s->avail_out;
  if (r == Z_STREAM_END) return 1;
  if (r == Z_OK || r == Z_BUF_ERROR) return 0;
  return -1;
}
