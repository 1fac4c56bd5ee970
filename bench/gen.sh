#!/bin/sh
# gen.sh DIR [UNITS] - write a province's worth of Thai sample data as
# KIND.csv files in DIR: one province office, 26 districts, UNITS units
# (default 1200), a plan per district with 12 objectives, a project and an
# assessment per unit against a 40-item norm set, two AARs per district.
set -eu
dir=$1
units=${2:-1200}
mkdir -p "$dir"
LC_ALL=C.UTF-8 awk -v dir="$dir" -v units="$units" '
function out(kind, line) { print line > (dir "/" kind ".csv") }
BEGIN {
	split("people stakeholder process foundation", lv, " ")
	split("social_measure community_project communication surveillance learning collaboration support", ka, " ")
	split("met partial not_met na", st, " ")
	split("fund province region local", src, " ")
	out("offices", "code,name,short_name,level,parent")
	out("offices", "PHO,สำนักงานสาธารณสุขจังหวัดทดสอบ,สสจ.ทดสอบ,province,")
	for (d = 1; d <= 26; d++)
		out("offices", sprintf("D%02d,สำนักงานสาธารณสุขอำเภอที่ %d,สสอ.%d,district,PHO", d, d, d))
	for (u = 1; u <= units; u++)
		out("offices", sprintf("U%04d,โรงพยาบาลส่งเสริมสุขภาพตำบลหนองน้ำใส %d,รพ.สต.%d,unit,D%02d", u, u, u, (u % 26) + 1))
	out("plans", "code,office,title,destination,fy_from,fy_to,serves")
	out("plans", "P-PHO,PHO,แผนที่ทางเดินยุทธศาสตร์การป้องกันควบคุมโรคจังหวัด,ภายในปี ๒๕๗๒ ประชาชนมีพฤติกรรมสุขภาพที่พึงประสงค์,2569,2572,")
	out("objectives", "plan,code,level,title")
	out("links", "plan,from,to")
	for (d = 1; d <= 26; d++) {
		p = sprintf("P-D%02d", d)
		out("plans", sprintf("%s,D%02d,แผนที่ทางเดินยุทธศาสตร์ศูนย์เด็กเล็กปลอดโรค อำเภอที่ %d,เด็กเล็กปลอดจากโรคมือ เท้า ปาก ภายในปี ๒๕๗๐,2569,2570,P-PHO", p, d, d))
		for (o = 1; o <= 12; o++) {
			l = lv[int((o - 1) / 3) + 1]
			out("objectives", sprintf("%s,O%d,%s,เป้าประสงค์ที่ %d ผู้ปกครองและครูพี่เลี้ยงร่วมกันดูแลสุขภาพเด็กเล็กอย่างต่อเนื่อง", p, o, l, o))
			if (o > 3)
				out("links", sprintf("%s,O%d,O%d", p, o, o - 3))
		}
	}
	out("groups", "grouping,code,label")
	for (k = 1; k <= 7; k++)
		out("groups", sprintf("key_activity,%s,กิจกรรมสำคัญที่ %d", ka[k], k))
	out("norm_sets", "code,office,title,version,issued,source,groups")
	out("norm_sets", "N-CDC,PHO,ค่ากลางศูนย์เด็กเล็กปลอดโรค,1,2025-10-01,เวทีเขต ๒๕๖๘,key_activity")
	out("norm_items", "set,version,group,code,text,evidence,weight")
	for (i = 1; i <= 40; i++)
		out("norm_items", sprintf("N-CDC,1,%s,I%02d,ครูพี่เลี้ยงคัดกรองเด็กป่วยทุกเช้าและบันทึกผลข้อที่ %d,แบบบันทึก,%d", ka[(i % 7) + 1], i, i, (i % 3) + 1))
	out("support_frames", "code,label")
	for (f = 1; f <= 6; f++)
		out("support_frames", sprintf("%d,กรอบการสนับสนุนที่ %d", f, f))
	out("projects", "code,office,plan,objectives,fiscal_year,title,stage,status,budget,budget_source,start,end")
	out("assessments", "code,set,version,office,project,assessed_on,assessor")
	out("assessment_entries", "assessment,item,status,note,support_needed,support_from,support_frame")
	for (u = 1; u <= units; u++) {
		d = (u % 26) + 1
		out("projects", sprintf("J%04d,U%04d,P-D%02d,O1;O4,2569,โครงการศูนย์เด็กเล็กปลอดโรค ตำบลที่ %d,development,active,25000,กองทุนหลักประกันสุขภาพ,2025-11-01,2026-09-30", u, u, d, u))
		out("assessments", sprintf("A%04d,N-CDC,1,U%04d,J%04d,2026-01-20,นางสาวพัชรินทร์ ศรีสุข", u, u, u))
		for (i = 1; i <= 40; i++) {
			s = st[((u + i) % 4) + 1]
			if ((u * i) % 5 == 0)
				out("assessment_entries", sprintf("A%04d,I%02d,%s,ทำได้บางส่วน ต้องการการสนับสนุนจากกองทุนฯ,วัสดุล้างมือ,%s,%d", u, i, s, src[(i % 4) + 1], (i % 6) + 1))
			else
				out("assessment_entries", sprintf("A%04d,I%02d,%s,,,,", u, i, s))
		}
	}
	out("aars", "code,template,date,title,subject_kind,subject,facilitator,participants,tags")
	out("aar_sections", "aar,section,text")
	out("aar_actions", "aar,action,owner,due,status")
	for (d = 1; d <= 52; d++) {
		out("aars", sprintf("AAR%02d,aar4,2026-02-%02d,ถอดบทเรียนการประชุมเชิงปฏิบัติการครั้งที่ %d,plan,P-D%02d,ทีมวิทยากร,ครูพี่เลี้ยงและ อสม.,ศูนย์เด็กเล็ก;ค่ากลาง", d, (d % 28) + 1, d, (d % 26) + 1))
		out("aar_sections", sprintf("AAR%02d,expected,\"ทุกศูนย์มีระบบคัดกรองเด็กป่วยทุกเช้า\nและรายงานภายใน ๒๔ ชั่วโมง\"", d))
		out("aar_sections", sprintf("AAR%02d,happened,ทำได้ร้อยละ ๗๐ ของศูนย์", d))
		out("aar_actions", sprintf("AAR%02d,จัดอบรมครูพี่เลี้ยงเพิ่มเติม,สสอ.,2026-06-30,open", d))
	}
}'
