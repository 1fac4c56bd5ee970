/* item.c - one checklist item: its status, the unit's note, the support it
 * needs, from whom, under which support frame.  A form of the form engine
 * (fview.h): the fields, their lists and the saving are itemform_def's
 * (core/itemform.c); choices come from lists, text is typed in place,
 * every finished field is saved at once, typing after a second at rest. */
#include "routemap/form.h"
#include "fview.h"
#include "views.h"

struct view *view_item_new(struct ui *ui, const struct ui_place *at)
{
	return fview_new(ui, &itemform_def, at);
}
