// libbpf side of BtfParseBenchmark: parse a BTF file with btf__parse() and resolve every type's name,
// the same work the Java benchmark does. Prints the mean time per operation over a timed loop.
// Build: cc -O2 -o btf_parse btf_parse.c -lbpf      Run: ./btf_parse FILE [seconds]
#include <bpf/btf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static unsigned long one(const char *path, int names)
{
	struct btf *btf = btf__parse(path, NULL);
	unsigned long sum = 0;
	if (!btf) {
		fprintf(stderr, "btf__parse(%s) failed\n", path);
		exit(2);
	}
	for (unsigned int id = 1; names && id < btf__type_cnt(btf); id++) {
		const char *name = btf__name_by_offset(btf, btf__type_by_id(btf, id)->name_off);
		sum += name[0];
	}
	btf__free(btf);
	return sum;
}

int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : "/sys/kernel/btf/vmlinux";
	double seconds = argc > 2 ? atof(argv[2]) : 5.0;
	unsigned long sink = 0;
	for (int names = 1; names >= 0; names--) {
		for (int i = 0; i < 20; i++) /* warm up caches */
			sink += one(path, names);
		long n = 0;
		double start = now(), end;
		do {
			sink += one(path, names);
			n++;
			end = now();
		} while (end - start < seconds);
		printf("libbpf btf__parse%s %s: %.3f ms/op over %ld ops (sink %lu)\n",
		       names ? "+names" : " only", path, (end - start) * 1e3 / n, n, sink % 7);
	}
	return 0;
}
