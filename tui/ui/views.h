/* views.h - the constructors of the views, for the router (router.c) and
 * for the file that defines each one; no other file includes it.  A view
 * opens another with ui_open (ui.h), naming what it shows.
 *
 * Each constructor makes a view of what AT names (struct ui_place; which
 * fields each kind reads is told at enum view_kind) and returns it, for
 * the caller to push (the ui owns it from then on), or NULL when it could
 * not be made: said on the message line (some views cannot say more than
 * "out of memory", and one whose very message could not be made says
 * nothing).  AT is never NULL: the router gives an empty place
 * when the caller named nothing.
 */
#ifndef ROUTEMAP_UI_VIEWS_H
#define ROUTEMAP_UI_VIEWS_H

#include "routemap/ui.h"

struct view *view_plans_new(struct ui *ui, const struct ui_place *at);        /* plans.c */
struct view *view_assessments_new(struct ui *ui, const struct ui_place *at);  /* assessments.c */
struct view *view_map_new(struct ui *ui, const struct ui_place *at);          /* mapview.c */
struct view *view_objective_new(struct ui *ui, const struct ui_place *at);    /* objview.c */
struct view *view_history_new(struct ui *ui, const struct ui_place *at);      /* page.c */
struct view *view_help_new(struct ui *ui, const struct ui_place *at);         /* page.c */
struct view *view_checklist_new(struct ui *ui, const struct ui_place *at);    /* checklist.c */
struct view *view_item_new(struct ui *ui, const struct ui_place *at);         /* item.c */
struct view *view_norm_sets_new(struct ui *ui, const struct ui_place *at);   /* normsets.c */
struct view *view_norm_items_new(struct ui *ui, const struct ui_place *at);  /* normitems.c */
struct view *view_norm_diff_new(struct ui *ui, const struct ui_place *at);   /* normdiff.c */
struct view *view_aars_new(struct ui *ui, const struct ui_place *at);         /* aarlist.c */
struct view *view_aar_new(struct ui *ui, const struct ui_place *at);          /* aar.c */
struct view *view_results_new(struct ui *ui, const struct ui_place *at);      /* search.c */
struct view *view_form_new(struct ui *ui, const struct ui_place *at);         /* fview.c */
struct view *view_success_new(struct ui *ui, const struct ui_place *at);      /* success.c */
struct view *view_proposals_new(struct ui *ui, const struct ui_place *at);    /* proposals.c */
struct view *view_support_new(struct ui *ui, const struct ui_place *at);      /* fundview.c */
struct view *view_reports_new(struct ui *ui, const struct ui_place *at);      /* reports.c */
struct view *view_report_new(struct ui *ui, const struct ui_place *at);       /* reports.c */
struct view *view_conflicts_new(struct ui *ui, const struct ui_place *at);    /* conflicts.c */
struct view *view_conflict_new(struct ui *ui, const struct ui_place *at);     /* conflicts.c */

#endif
