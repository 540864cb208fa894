// libbpf side of CDumpBenchmark: parse a BTF file and write its C header with btf_dump (what
// `bpftool btf dump file F format c` does) into a discarding callback. Prints the mean time per
// operation over a timed loop.
// Build: cc -O2 -o btf_dump_c btf_dump_c.c -lbpf      Run: ./btf_dump_c FILE [seconds]
#include <bpf/btf.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static unsigned long bytes;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void count(void *ctx, const char *fmt, va_list args)
{
	char buf[512];
	bytes += vsnprintf(buf, sizeof(buf), fmt, args);
}

static void one(const char *path)
{
	struct btf *btf = btf__parse(path, NULL);
	struct btf_dump *d;
	if (!btf) {
		fprintf(stderr, "btf__parse(%s) failed\n", path);
		exit(2);
	}
	d = btf_dump__new(btf, count, NULL, NULL);
	for (unsigned int id = 1; id < btf__type_cnt(btf); id++)
		btf_dump__dump_type(d, id);
	btf_dump__free(d);
	btf__free(btf);
}

int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : "/sys/kernel/btf/vmlinux";
	double seconds = argc > 2 ? atof(argv[2]) : 5.0;
	for (int i = 0; i < 5; i++) /* warm up caches */
		one(path);
	long n = 0;
	double start = now(), end;
	do {
		one(path);
		n++;
		end = now();
	} while (end - start < seconds);
	printf("libbpf btf__parse+btf_dump %s: %.3f ms/op over %ld ops (%lu bytes/op)\n", path,
	       (end - start) * 1e3 / n, n, bytes / (n + 5));
	return 0;
}
