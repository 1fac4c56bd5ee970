/* embedded.h - files compiled into the binary (the demo office's data). */
#ifndef ROUTEMAP_EMBEDDED_H
#define ROUTEMAP_EMBEDDED_H

#include <stddef.h>

struct embedded_file {
	const char *name;   /* "plans.csv"; NULL ends the table */
	const char *data;
	size_t size;
};

extern const struct embedded_file embedded_demo[];

#endif
