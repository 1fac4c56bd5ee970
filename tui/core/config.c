/* config.c - the office configuration: built-in defaults, then one INI file.
 *
 * Every section and key is a row of the key table (inikeys.c).  Loading a
 * file goes in three steps:
 *
 *  1. config_scan.c reads the file itself, scans its lines the way
 *     iniparser 4.1 does to learn the line of every section and key, and
 *     refuses what iniparser would take silently (duplicates, over-long
 *     lines, invalid UTF-8, names the table does not know);
 *  2. iniparser reads the values (config_scan.c);
 *  3. every row of the table checks and applies its value over the
 *     built-in defaults (config_apply.c, config_lists.c), and the list of
 *     effective values with their origins is made from the table
 *     (config_entries.c).
 *
 * Every message is one line: "FILE:LINE: [section] key: WHAT",
 * "FILE:LINE: WHAT" or "FILE: WHAT"; status RM_EXIT_USAGE (out of memory:
 * RM_EXIT_RUNTIME).
 */
#include <stdlib.h>
#include <string.h>

#include "config_loader.h"
#include "routemap/i18n.h"

static const char *const level_names[LEVEL_COUNT] = {
	[LEVEL_FOUNDATION] = "foundation",
	[LEVEL_PROCESS] = "process",
	[LEVEL_STAKEHOLDER] = "stakeholder",
	[LEVEL_PEOPLE] = "people",
};

static void loader_free(struct loader *ld)
{
	size_t i;

	for (i = 0; i < ld->nsecs; i++)
		free(ld->secs[i].name);
	free(ld->secs);
	for (i = 0; i < ld->nkeys; i++)
		free(ld->keys[i].key);
	free(ld->keys);
	for (i = 0; i < ld->norigins; i++) {
		free(ld->origins[i].section);
		free(ld->origins[i].key);
	}
	free(ld->origins);
	if (ld->dict)
		iniparser_freedict(ld->dict);
	memset(ld, 0, sizeof *ld);
}

int config_defaults(struct config *cfg, struct rm_error *err)
{
	struct loader ld;

	memset(cfg, 0, sizeof *cfg);
	memset(&ld, 0, sizeof ld);
	ld.cfg = cfg;
	ld.err = err;
	if (ld_defaults(&ld) < 0 || ld_build_entries(&ld) < 0) {
		config_free(cfg);
		return -1;
	}
	return 0;
}

int config_load(struct config *cfg, const char *path, struct rm_error *err)
{
	struct loader ld;

	if (!path)
		return config_defaults(cfg, err);
	memset(cfg, 0, sizeof *cfg);
	memset(&ld, 0, sizeof ld);
	ld.path = path;
	ld.cfg = cfg;
	ld.err = err;

	if (ld_read_file(&ld) < 0)
		goto fail;
	/* The defaults are the table's: checked with no file in the way. */
	ld.path = NULL;
	if (ld_defaults(&ld) < 0)
		goto fail;
	ld.path = path;
	cfg->path = ld_strdup(&ld, path);
	if (ld.oom) {
		ld_oom(&ld);
		goto fail;
	}
	if (ld_apply_all(&ld) < 0 || ld_build_entries(&ld) < 0)
		goto fail;
	loader_free(&ld);
	return 0;
fail:
	loader_free(&ld);
	config_free(cfg);
	return -1;
}

void config_free(struct config *cfg)
{
	size_t i;
	int j;

	if (!cfg)
		return;
	free(cfg->path);
	free(cfg->office_code);
	free(cfg->office_name);
	free(cfg->office_short_name);
	free(cfg->office_level);
	free(cfg->office_parent);
	free(cfg->db_path);
	free(cfg->db_shared_group);
	free(cfg->exchange_ssh);
	free(cfg->exchange_ssh_options);
	free(cfg->exchange_remote_command);
	for (j = 0; j < LEVEL_COUNT; j++)
		free(cfg->level_label[j]);
	cfg_labels_clear(&cfg->key_activities);
	cfg_labels_clear(&cfg->support_frames);
	cfg_labels_clear(&cfg->support_sources);
	cfg_labels_clear(&cfg->slm_columns);
	cfg_templates_free(cfg);
	free(cfg->aar_default);
	cfg_labels_clear(&cfg->keys);
	for (i = 0; i < cfg->nentries; i++) {
		free(cfg->entries[i].section);
		free(cfg->entries[i].key);
		free(cfg->entries[i].value);
		free(cfg->entries[i].origin);
	}
	free(cfg->entries);
	memset(cfg, 0, sizeof *cfg);
}

const char *config_label(const struct cfg_labels *labels, const char *code)
{
	size_t i;

	if (!labels || !code)
		return NULL;
	for (i = 0; i < labels->n; i++)
		if (strcmp(labels->v[i].code, code) == 0)
			return labels->v[i].label;
	return NULL;
}

const struct cfg_template *config_template(const struct config *cfg, const char *name)
{
	size_t i;

	if (!cfg || !name)
		return NULL;
	for (i = 0; i < cfg->ntemplates; i++)
		if (strcmp(cfg->templates[i].name, name) == 0)
			return &cfg->templates[i];
	return NULL;
}

const char *config_template_title(const struct config *cfg, const char *name)
{
	const struct cfg_template *t = config_template(cfg, name);

	return t && t->title ? t->title : name ? name : "";
}

int config_level_from_name(const char *name)
{
	int i;

	if (!name)
		return -1;
	for (i = 0; i < LEVEL_COUNT; i++)
		if (strcmp(level_names[i], name) == 0)
			return i;
	return -1;
}

const char *config_level_name(enum map_level level)
{
	if ((int)level < 0 || level >= LEVEL_COUNT)
		return NULL;
	return level_names[level];
}
