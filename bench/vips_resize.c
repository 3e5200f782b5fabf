/*
 * libvips peer of `./mediasync bench resize`, in-process and on one thread, the way libvips is used well:
 * per run, read the file; vips_thumbnail_buffer() to the largest box (shrink-on-load: JPEG DCT scaling, then
 * libvips' own reduce with the lanczos3 kernel), made concrete in memory once; each smaller box by
 * vips_thumbnail_image() from that result; each saved as JPEG at the same quality (optimized Huffman tables,
 * metadata stripped; libvips picks 4:2:0 below quality 90, like mediasync).
 *
 *   cc -O2 -o vips_resize bench/vips_resize.c $(pkg-config --cflags --libs vips)
 *   ./vips_resize INPUT RUNS WARMUP SIZES QUALITY OUTDIR      (SIZES: 50x50,250x250,800x800 or label=WxH,...)
 *
 * Prints {"engine":"libvips","ms_per_image":..,"cpu_ms_per_image":..,"resize_ms":..,"encode_ms":..,"peak_rss_mb":..,"runs":N}; libvips
 * decodes on demand while it resizes, so there is no separate decode time: resize_ms includes it. The last run's
 * outputs are left in OUTDIR as <label>.jpg.
 */
#include <vips/vips.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>

#define MAX_SIZES 16

typedef struct { char label[65]; int width, height; } Box;

static double clock_ms(clockid_t clock) {
    struct timespec t;
    clock_gettime(clock, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static double now_ms(void) {
    return clock_ms(CLOCK_MONOTONIC);
}

static int by_area_descending(const void *a, const void *b) {
    const Box *x = a, *y = b;
    return (long) y->width * y->height - (long) x->width * x->height > 0 ? 1 : -1;
}

/* VmHWM: ru_maxrss would report the parent JVM's size, carried over fork and exec on Linux. */
static double peak_rss_mb(void) {
    FILE *status = fopen("/proc/self/status", "r");
    char line[256];
    long kb = -1;
    while (status && fgets(line, sizeof line, status)) {
        if (sscanf(line, "VmHWM: %ld kB", &kb) == 1) {
            break;
        }
    }
    if (status) {
        fclose(status);
    }
    if (kb < 0) {
        struct rusage usage;
        getrusage(RUSAGE_SELF, &usage);
        kb = usage.ru_maxrss;
    }
    return kb / 1024.0;
}

static int by_value(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return x < y ? -1 : x > y;
}

static double median(double *v, int n) {
    qsort(v, n, sizeof(double), by_value);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static int parse_sizes(char *spec, Box *boxes) {
    int n = 0;
    for (char *item = strtok(spec, ","); item && n < MAX_SIZES; item = strtok(NULL, ",")) {
        char *eq = strchr(item, '=');
        char *box = eq ? eq + 1 : item;
        snprintf(boxes[n].label, sizeof boxes[n].label, "%.*s", eq ? (int) (eq - item) : (int) strlen(item), item);
        if (sscanf(box, "%dx%d", &boxes[n].width, &boxes[n].height) != 2 &&
            sscanf(box, "%dX%d", &boxes[n].width, &boxes[n].height) != 2) {
            return -1;
        }
        n++;
    }
    return n;
}

int main(int argc, char **argv) {
    if (argc != 7) {
        fprintf(stderr, "usage: %s INPUT RUNS WARMUP SIZES QUALITY OUTDIR\n", argv[0]);
        return 2;
    }
    if (VIPS_INIT(argv[0])) {
        vips_error_exit(NULL);
    }
    vips_concurrency_set(1);
    vips_cache_set_max(0); /* no operation cache: every run does all the work */
    int runs = atoi(argv[2]), warmup = atoi(argv[3]), quality = atoi(argv[5]);
    Box boxes[MAX_SIZES];
    int count = parse_sizes(argv[4], boxes);
    if (count <= 0 || runs <= 0) {
        fprintf(stderr, "bad arguments\n");
        return 2;
    }
    qsort(boxes, count, sizeof(Box), by_area_descending);
    double *cpu = calloc(runs, sizeof(double));
    double *total = calloc(runs, sizeof(double)), *resize = calloc(runs, sizeof(double)), *encode = calloc(runs, sizeof(double));
    void *out[MAX_SIZES] = {0};
    size_t out_length[MAX_SIZES] = {0};
    for (int run = -warmup; run < runs; run++) {
        double t0 = now_ms(), c0 = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
        gchar *data;
        gsize length;
        if (!g_file_get_contents(argv[1], &data, &length, NULL)) {
            fprintf(stderr, "cannot read %s\n", argv[1]);
            return 1;
        }
        VipsImage *images[MAX_SIZES];
        VipsImage *big;
        if (vips_thumbnail_buffer(data, length, &big, boxes[0].width, "height", boxes[0].height,
                                  "size", VIPS_SIZE_DOWN, NULL)) {
            vips_error_exit(NULL);
        }
        images[0] = vips_image_copy_memory(big); /* decode + shrink-on-load + reduce, once */
        g_object_unref(big);
        for (int i = 1; i < count; i++) {
            VipsImage *small;
            if (vips_thumbnail_image(images[0], &small, boxes[i].width, "height", boxes[i].height,
                                     "size", VIPS_SIZE_DOWN, NULL)) {
                vips_error_exit(NULL);
            }
            images[i] = vips_image_copy_memory(small);
            g_object_unref(small);
        }
        double t1 = now_ms();
        for (int i = 0; i < count; i++) {
            g_free(out[i]);
            if (vips_jpegsave_buffer(images[i], &out[i], &out_length[i], "Q", quality, "optimize_coding", TRUE,
                                     "strip", TRUE, NULL)) {
                vips_error_exit(NULL);
            }
            g_object_unref(images[i]);
        }
        double t2 = now_ms();
        g_free(data);
        if (run >= 0) {
            total[run] = t2 - t0;
            cpu[run] = clock_ms(CLOCK_PROCESS_CPUTIME_ID) - c0;
            resize[run] = t1 - t0;
            encode[run] = t2 - t1;
        }
    }
    for (int i = 0; i < count; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s.jpg", argv[6], boxes[i].label);
        FILE *f = fopen(path, "wb");
        if (f) {
            fwrite(out[i], 1, out_length[i], f);
            fclose(f);
        }
    }
    printf("{\"engine\":\"libvips\",\"ms_per_image\":%.1f,\"cpu_ms_per_image\":%.1f,\"resize_ms\":%.1f,\"encode_ms\":%.1f,\"peak_rss_mb\":%.1f,\"runs\":%d}\n",
           median(total, runs), median(cpu, runs), median(resize, runs), median(encode, runs), peak_rss_mb(), runs);
    vips_shutdown();
    return 0;
}
