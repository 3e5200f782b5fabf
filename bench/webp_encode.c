/*
 * The libwebp peer of WebpBenchmark: encodes one PPM picture in-process with libwebp's simple API, which is
 * cwebp's default configuration (method 4, -q quality), after WARMUP untimed encodes, then RUNS timed ones per
 * quality, so both sides are measured warm and without process start-up. Prints one JSON line per quality and
 * writes OUT_PREFIX<quality>.webp. Linked against the libwebp.so.7 that Debian's webp package depends on
 * (declared here: no -dev package needed).
 *
 *   cc -O2 -o webp_encode webp_encode.c -l:libwebp.so.7
 *   webp_encode IN.ppm OUT_PREFIX 30,50,80 WARMUP RUNS
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

static int compare(const void* a, const void* b) {
  double x = *(const double*)a, y = *(const double*)b;
  return x < y ? -1 : x > y;
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
  int width, height, warmup, runs, i;
  uint8_t* rgb;
  char* qualities;
  char* q;
  if (argc != 6) {
    fprintf(stderr, "usage: webp_encode IN.ppm OUT_PREFIX QUALITIES WARMUP RUNS\n");
    return 2;
  }
  rgb = read_ppm(argv[1], &width, &height);
  qualities = strdup(argv[3]);
  warmup = atoi(argv[4]);
  runs = atoi(argv[5]);
  for (q = strtok(qualities, ","); q != NULL; q = strtok(NULL, ",")) {
    float quality = (float)atof(q);
    double* cpu = malloc(sizeof(double) * runs);
    double* wall = malloc(sizeof(double) * runs);
    uint8_t* out = NULL;
    size_t size = 0;
    char path[4096];
    FILE* f;
    for (i = 0; i < warmup + runs; i++) {
      double c0 = now_ms(CLOCK_THREAD_CPUTIME_ID), w0 = now_ms(CLOCK_MONOTONIC);
      if (out != NULL) WebPFree(out);
      size = WebPEncodeRGB(rgb, width, height, width * 3, quality, &out);
      if (i >= warmup) {
        cpu[i - warmup] = now_ms(CLOCK_THREAD_CPUTIME_ID) - c0;
        wall[i - warmup] = now_ms(CLOCK_MONOTONIC) - w0;
      }
    }
    if (size == 0) {
      fprintf(stderr, "webp_encode: libwebp failed at quality %s\n", q);
      return 1;
    }
    snprintf(path, sizeof(path), "%s%s.webp", argv[2], q);
    f = fopen(path, "wb");
    fwrite(out, 1, size, f);
    fclose(f);
    WebPFree(out);
    qsort(cpu, runs, sizeof(double), compare);
    qsort(wall, runs, sizeof(double), compare);
    printf("{\"quality\":%s,\"bytes\":%zu,\"cpu_ms\":%.4f,\"median_cpu_ms\":%.4f,\"wall_ms\":%.4f,\"median_wall_ms\":%.4f}\n",
           q, size, cpu[0], cpu[runs / 2], wall[0], wall[runs / 2]);
    free(cpu);
    free(wall);
  }
  free(qualities);
  free(rgb);
  return 0;
}
