// libbpf side of runtime's MapThroughputTest: on a hash map of 1024 u32 -> u64 entries, update then
// look up key (i % 1024) in a loop with bpf_map_update_elem/bpf_map_lookup_elem, and print the
// update+lookup pairs per second. Needs root.
// Build: cc -O2 -o map_ops map_ops.c -lbpf      Run: ./map_ops [seconds]
#include <bpf/bpf.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#define KEYS 1024

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double measure(int fd, double seconds)
{
	unsigned long long n = 0, value;
	double start = now(), end;
	do {
		for (int i = 0; i < 1000; i++, n++) {
			__u32 key = n % KEYS;
			value = n;
			if (bpf_map_update_elem(fd, &key, &value, BPF_ANY) ||
			    bpf_map_lookup_elem(fd, &key, &value)) {
				perror("map op");
				exit(1);
			}
		}
		end = now();
	} while (end - start < seconds);
	return n / (end - start);
}

int main(int argc, char **argv)
{
	double seconds = argc > 1 ? atof(argv[1]) : 5.0;
	int fd = bpf_map_create(BPF_MAP_TYPE_HASH, "bench", 4, 8, KEYS, NULL);
	if (fd < 0) {
		perror("bpf_map_create");
		return 1;
	}
	measure(fd, 1.0); /* warm up */
	printf("libbpf hash map update+lookup: %.0f pairs/s\n", measure(fd, seconds));
	close(fd);
	return 0;
}
