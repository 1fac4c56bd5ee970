/* levels.c - PMQA levels (DOMAIN.md §4): a norm set of scale 'levels' is
 * answered per item with none (0), Basic (1), Advance (2) or
 * Significance (3); a category stands at the lowest level of its items.
 * The coverage of such a set is in assessment_coverage (domain.c). */
#include <stddef.h>
#include <stdio.h>

#include "routemap/domain.h"
#include "routemap/i18n.h"

struct level_count assessment_levels(const struct assessment *a, size_t g)
{
	struct level_count n = { 0, { 0, 0, 0, 0 }, 0, 3 };
	size_t i;

	for (i = 0; i < a->nitems; i++) {
		const struct check_item *it = &a->items[i];

		if (g != (size_t)-1 && it->group != g)
			continue;
		n.items++;
		if (it->level < 0 || it->level > 3) {
			n.unanswered++;
			continue;
		}
		n.at[it->level]++;
		if (it->level < n.level)
			n.level = it->level;
	}
	/* PMQA's way: a category is at Basic when every item is at least
	 * Basic; while one is unanswered its level is not known */
	if (n.unanswered || !n.items)
		n.level = -1;
	return n;
}

void level_count_text(const struct assessment *a, size_t g, char *out, size_t size)
{
	struct level_count n = assessment_levels(a, g);

	/* at none the category has not reached Basic: no "level 0" */
	if (n.level == 0)
		snprintf(out, size, _("below Basic  B %d  A %d  S %d  none %d  unanswered %d"),
			 n.at[1], n.at[2], n.at[3], n.at[0], n.unanswered);
	else
		snprintf(out, size, _("level %s  B %d  A %d  S %d  none %d  unanswered %d"),
			 level_letter(n.level), n.at[1], n.at[2], n.at[3], n.at[0], n.unanswered);
}

const char *level_value(int level)
{
	static const char *const values[] = { "0", "1", "2", "3" };

	return level >= 0 && level <= 3 ? values[level] : NULL;
}

const char *level_mark(int level)
{
	static const char *const marks[] = { "[ ]", "[0]", "[B]", "[A]", "[S]" };

	return level >= 0 && level <= 3 ? marks[level + 1] : marks[0];
}

const char *level_letter(int level)
{
	static const char *const letters[] = { "-", "0", "B", "A", "S" };

	return level >= 0 && level <= 3 ? letters[level + 1] : letters[0];
}

int check_item_open(const struct assessment *a, const struct check_item *it)
{
	return a->levels ? it->level < 0 : it->status == STATUS_NONE;
}
