/*
 * The libwebp peer of WebpBenchmark: encodes one PPM picture in-process with libwebp's simple API, which is
 * cwebp's default configuration (method 4, -q quality), so both sides are measured warm and without process
 * start-up. Linked against the libwebp.so.7 that Debian's webp package depends on (declared here: no -dev
 * package needed).
 *
 *   cc -O2 -o webp_encode webp_encode.c -l:libwebp.so.7
 *   webp_encode IN.ppm OUT_PREFIX --serve
 *
 * Reads one quality a line from stdin, encodes once, writes OUT_PREFIX<quality>.webp and answers one JSON line
 * with the size and the encode's CPU and wall times: the benchmark alternates these encodes with its own.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

size_t WebPEncodeRGB(const uint8_t* rgb, int width, int height, int stride, float quality, uint8_t** output);
void WebPFree(void* ptr);

static double now_ms(clockid_t clock) {
  struct timespec t;
  clock_gettime(clock, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* Encodes once at quality q, writes the file, returns its size and sets the times in ms. */
static size_t encode_once(const uint8_t* rgb, int width, int height, const char* prefix, const char* q,
                          double* cpu, double* wall) {
  uint8_t* out = NULL;
  char path[4096];
  FILE* f;
  double c0 = now_ms(CLOCK_THREAD_CPUTIME_ID), w0 = now_ms(CLOCK_MONOTONIC);
  size_t size = WebPEncodeRGB(rgb, width, height, width * 3, (float)atof(q), &out);
  *cpu = now_ms(CLOCK_THREAD_CPUTIME_ID) - c0;
  *wall = now_ms(CLOCK_MONOTONIC) - w0;
  snprintf(path, sizeof(path), "%s%s.webp", prefix, q);
  f = fopen(path, "wb");
  if (size == 0 || f == NULL || fwrite(out, 1, size, f) != size) {
    fprintf(stderr, "webp_encode: failed at quality %s\n", q);
    exit(1);
  }
  fclose(f);
  WebPFree(out);
  return size;
}

static uint8_t* read_ppm(const char* path, int* width, int* height) {
  FILE* f = fopen(path, "rb");
  int max;
  uint8_t* rgb;
  if (f == NULL || fscanf(f, "P6 %d %d %d", width, height, &max) != 3 || max != 255 || fgetc(f) == EOF) {
    fprintf(stderr, "webp_encode: cannot read %s as an 8-bit P6 PPM\n", path);
    exit(2);
  }
  rgb = malloc((size_t)*width * *height * 3);
  if (fread(rgb, 3, (size_t)*width * *height, f) != (size_t)*width * *height) {
    fprintf(stderr, "webp_encode: %s is truncated\n", path);
    exit(2);
  }
  fclose(f);
  return rgb;
}

int main(int argc, char** argv) {
  char line[64];
  int width, height;
  uint8_t* rgb;
  if (argc != 4 || strcmp(argv[3], "--serve") != 0) {
    fprintf(stderr, "usage: webp_encode IN.ppm OUT_PREFIX --serve\n");
    return 2;
  }
  rgb = read_ppm(argv[1], &width, &height);
  while (fgets(line, sizeof(line), stdin) != NULL) {
    double cpu, wall;
    size_t size;
    line[strcspn(line, "\r\n")] = 0;
    size = encode_once(rgb, width, height, argv[2], line, &cpu, &wall);
    printf("{\"quality\":%s,\"bytes\":%zu,\"cpu_ms\":%.4f,\"wall_ms\":%.4f}\n", line, size, cpu, wall);
    fflush(stdout);
  }
  free(rgb);
  return 0;
}
