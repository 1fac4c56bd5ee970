/* aar.c - one AAR as a form of the form engine (fview.h): its header, one
 * text area per section of its template, its follow-up actions (added
 * with a, deleted with d, done with Space).  The fields, the rows and the
 * saving are aarform_def's (core/aarfields.c); the o key goes to what it
 * reviews.  Opened on a section (PART its key) or a follow-up action (ROW
 * its id), the cursor starts there. */
#include "routemap/form.h"
#include "fview.h"
#include "views.h"

struct view *view_aar_new(struct ui *ui, const struct ui_place *at)
{
	return fview_new(ui, &aarform_def, at);
}
