#!/bin/sh
# gen.sh DIR [UNITS] [YEARS] - write Thai sample data as KIND.csv files in
# DIR, growing with UNITS (default 1000, a province) over YEARS fiscal
# years (default 5, from 2566):
#   offices      one province office, a district office per 40 units
#                (26 for a province), a tambon fund per district, UNITS
#                units under the funds
#   plans        the province's plan, and each district's plan for each
#                year with 12 objectives and 9 cause -> effect links
#   norm sets    one 50-item set, a new version every year
#   projects     one per unit and year
#   assessments  one per unit and year against that year's version:
#                UNITS x YEARS x 50 entries (250,000 for a province); a
#                unit's answers as good as its number says (U00005 meets
#                every item, U00001 one in five, so every rank is held),
#                and the first five items met by the best units only
#                (the success factors to be found),
#                one in five with a note and a support request (50,000):
#                baht asked, and in turn awaiting an answer, agreed,
#                partly agreed, declined or referred to the province
#   AARs         two per unit and year (10,000 for a province), each with
#                two sections and a follow-up action
# Ten provinces: gen.sh DIR 10000.
# PARENT=CODE: the province is under the office CODE (the demo's region,
# ODPC6, to import it beside the demo), and the key activities and support
# frames, which the demo has, are not written.
set -eu
dir=$1
units=${2:-1000}
years=${3:-5}
mkdir -p "$dir"
LC_ALL=C.UTF-8 awk -v dir="$dir" -v units="$units" -v years="$years" -v parent="${PARENT:-}" '
function out(kind, line) { print line > (dir "/" kind ".csv") }
# support(A, I, SOURCE, FRAME, BAHT, STATUS, YEAR): item I of A asks BAHT
# of SOURCE under FRAME, answered STATUS in YEAR (CE).
function support(a, i, source, frame, baht, status, year,   given, agreed, to, note, who, day) {
	given = agreed = to = note = who = day = ""
	if (status != "requested") {
		who = "นายประเสริฐ ทองดี"
		day = sprintf("%d-02-%02d", year, (i % 28) + 1)
	}
	if (status == "agreed") {
		given = "วัสดุล้างมือครบตามที่ขอ"
		agreed = baht
	} else if (status == "partly_agreed") {
		given = "วัสดุล้างมือครึ่งหนึ่ง"
		agreed = baht / 2
	} else if (status == "declined") {
		note = "งบประมาณปีนี้หมดแล้ว"
	} else if (status == "referred") {
		to = source == "province" ? "region" : "province"
		note = "ส่งต่อให้หน่วยเหนือขึ้นไปพิจารณา"
	}
	out("support_requests", sprintf("%s,I%02d,Q%s-%02d,วัสดุล้างมือและสบู่สำหรับเด็ก,%s,%d,%d,%s,%s,%s,%s,%s,%s,%s,%s", a, i, a, i, source, frame, baht, status, to, given, agreed, frame, note, who, day))
}
BEGIN {
	split("people stakeholder process foundation", lv, " ")
	split("social_measure community_project communication surveillance learning collaboration support", ka, " ")
	split("met partial not_met na", st, " ")
	split("fund province region local", src, " ")
	fy0 = 2566
	districts = int((units + 39) / 40)
	if (districts < 1)
		districts = 1
	out("offices", "code,name,short_name,level,parent")
	out("offices", "PHO,สำนักงานสาธารณสุขจังหวัดทดสอบ,สสจ.ทดสอบ,province," parent)
	for (d = 1; d <= districts; d++) {
		out("offices", sprintf("D%03d,สำนักงานสาธารณสุขอำเภอที่ %d,สสอ.%d,district,PHO", d, d, d))
		out("offices", sprintf("F%03d,กองทุนหลักประกันสุขภาพตำบลที่ %d,กองทุนฯ %d,fund,D%03d", d, d, d, d))
	}
	for (u = 1; u <= units; u++)
		out("offices", sprintf("U%05d,โรงพยาบาลส่งเสริมสุขภาพตำบลหนองน้ำใส %d,รพ.สต.%d,unit,F%03d", u, u, u, (u % districts) + 1))
	out("plans", "code,office,title,destination,fy_from,fy_to,serves")
	out("plans", sprintf("P-PHO,PHO,แผนที่ทางเดินยุทธศาสตร์การป้องกันควบคุมโรคจังหวัด,ภายในปี ๒๕๗๒ ประชาชนมีพฤติกรรมสุขภาพที่พึงประสงค์,%d,%d,", fy0, fy0 + years - 1))
	out("objectives", "plan,code,level,title")
	out("links", "plan,from,to")
	for (d = 1; d <= districts; d++)
		for (y = 0; y < years; y++) {
			p = sprintf("P-D%03d-%d", d, fy0 + y)
			out("plans", sprintf("%s,D%03d,แผนที่ทางเดินยุทธศาสตร์ศูนย์เด็กเล็กปลอดโรค อำเภอที่ %d ปี %d,เด็กเล็กปลอดจากโรคมือ เท้า ปาก ภายในปี %d,%d,%d,P-PHO", p, d, d, fy0 + y, fy0 + y, fy0 + y, fy0 + y))
			for (o = 1; o <= 12; o++) {
				l = lv[int((o - 1) / 3) + 1]
				out("objectives", sprintf("%s,O%d,%s,เป้าประสงค์ที่ %d ผู้ปกครองและครูพี่เลี้ยงร่วมกันดูแลสุขภาพเด็กเล็กอย่างต่อเนื่อง", p, o, l, o))
				if (o > 3)
					out("links", sprintf("%s,O%d,O%d", p, o, o - 3))
			}
		}
	if (parent == "") {
		out("groups", "grouping,code,label")
		for (k = 1; k <= 7; k++)
			out("groups", sprintf("key_activity,%s,กิจกรรมสำคัญที่ %d", ka[k], k))
		out("support_frames", "code,label")
		for (f = 1; f <= 6; f++)
			out("support_frames", sprintf("%d,กรอบการสนับสนุนที่ %d", f, f))
	}
	out("norm_sets", "code,office,title,version,issued,source,groups")
	out("norm_items", "set,version,group,code,text,evidence,weight")
	for (y = 0; y < years; y++) {
		out("norm_sets", sprintf("N-CDC,PHO,ค่ากลางศูนย์เด็กเล็กปลอดโรค,%d,%d-10-01,เวทีเขต ปี %d,key_activity", y + 1, fy0 - 544 + y, fy0 + y - 1))
		for (i = 1; i <= 50; i++)
			out("norm_items", sprintf("N-CDC,%d,%s,I%02d,ครูพี่เลี้ยงคัดกรองเด็กป่วยทุกเช้าและบันทึกผลข้อที่ %d,แบบบันทึก,%d", y + 1, ka[(i % 7) + 1], i, i, (i % 3) + 1))
	}
	out("projects", "code,office,plan,objectives,fiscal_year,title,stage,status,budget,budget_source,start,end")
	out("assessments", "code,set,version,office,project,assessed_on,assessor")
	out("assessment_entries", "assessment,item,status,note,support_needed,support_from,support_frame")
	out("support_requests", "assessment,item,uid,needed,source,frame,amount,status,referred_to,given,amount_agreed,filed_frame,answer_note,answered_by,answered_on")
	split("requested agreed partly_agreed declined referred", ans, " ")
	out("aars", "code,template,date,title,subject_kind,subject,facilitator,participants,tags")
	out("aar_sections", "aar,section,text")
	out("aar_actions", "aar,action,owner,due,status")
	for (y = 0; y < years; y++) {
		fy = fy0 + y
		ce = fy - 543
		for (u = 1; u <= units; u++) {
			d = (u % districts) + 1
			j = sprintf("J%05d-%d", u, fy)
			a = sprintf("A%05d-%d", u, fy)
			out("projects", sprintf("%s,U%05d,P-D%03d-%d,O1;O4,%d,โครงการศูนย์เด็กเล็กปลอดโรค ตำบลที่ %d ปี %d,development,active,25000,กองทุนหลักประกันสุขภาพ,%d-11-01,%d-09-30", j, u, d, fy, fy, u, fy, ce - 1, ce))
			out("assessments", sprintf("%s,N-CDC,%d,U%05d,%s,%d-01-20,นางสาวพัชรินทร์ ศรีสุข", a, y + 1, u, j, ce))
			for (i = 1; i <= 50; i++) {
				# met as often as the unit is good (q of 0-4), else
				# partly, not met or n.a.; items 1-5 met by the best only
				q = u % 5
				r = (u + 3 * i + y) % 5
				s = r <= q ? "met" : st[(r % 3) + 2]
				if (i <= 5)
					s = q >= 2 ? "met" : "not_met"
				if ((u * i + y) % 5 == 0) {
					out("assessment_entries", sprintf("%s,I%02d,%s,ทำได้บางส่วน ต้องการการสนับสนุนจากกองทุนฯ,,,", a, i, s))
					support(a, i, src[(i % 4) + 1], (i % 6) + 1, 1000 * ((u + i) % 20 + 1), ans[((u + i + y) % 5) + 1], ce)
				} else
					out("assessment_entries", sprintf("%s,I%02d,%s,,,,", a, i, s))
			}
			for (k = 1; k <= 2; k++) {
				r = sprintf("R%05d-%d-%d", u, fy, k)
				out("aars", sprintf("%s,aar4,%d-%02d-%02d,ถอดบทเรียนการคัดกรองเด็กป่วย ตำบลที่ %d ครั้งที่ %d,project,%s,ทีมวิทยากร,ครูพี่เลี้ยงและ อสม.,ศูนย์เด็กเล็ก;ค่ากลาง", r, ce, k * 3, (u % 28) + 1, u, k, j))
				out("aar_sections", sprintf("%s,expected,\"ทุกศูนย์มีระบบคัดกรองเด็กป่วยทุกเช้า\nและรายงานภายใน ๒๔ ชั่วโมง\"", r))
				out("aar_sections", sprintf("%s,happened,ทำได้ร้อยละ ๗๐ ของศูนย์", r))
				out("aar_actions", sprintf("%s,จัดอบรมครูพี่เลี้ยงเพิ่มเติม,สสอ.,%d-06-30,open", r, ce))
			}
		}
	}
}'
