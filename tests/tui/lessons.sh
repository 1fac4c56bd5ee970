# lessons.sh - a lesson becomes a norm: c on a section of the demo AAR
# proposes its text as a new item of CDC-NORM (its group chosen, a reason
# typed in Thai); S, c lists the proposal, y accepts it, v makes version
# 3 and shows the new item in the diff; u takes the version back.  And F
# on a version: the success factors, the successful units picked by hand.
# Sourced by run.sh after lib.sh; its own database.
LS="$WORK/lessons.db"
"$BIN" --demo -d "$LS" init >/dev/null

start lessons 80 24 -- -d "$LS"
wait_for "KKN-CDC-2568"
keys A
wait_for "AAR-PMQA-2553"
keys Enter                                # the newest AAR: aar4's four sections
wait_for "สิ่งที่เกิดขึ้นจริง"
keys Down Down Down Down Down Down Down   # title .. tags, then the second section
keys c
wait_for "ข้อเสนอปรับค่ากลางใหม่ ยังไม่ได้บันทึก"
wait_for "แผนเสร็จภายใน ๓ วัน"              # the section's text, proposed as the item's
wait_for "AAR AAR-PMQA-2553 ส่วน สิ่งที่เกิดขึ้นจริง"
keys Enter                                # the norm set: CDC-NORM v2, first
wait_for "CDC-NORM v2  ค่ากลางศูนย์เด็กเล็กปลอดโรค"
keys Enter
wait_for "เลือกกลุ่มของรายการใหม่"          # an addition needs its group first
keys Down Down Down Enter
wait_for "การแลกเปลี่ยนเรียนรู้"
keys Down Down Down Down Enter            # learning
wait_for "บันทึกข้อเสนอปรับค่ากลางแล้ว"
keys Down Down Down Down Enter            # text, evidence, weight, reason
type_text "บทเรียนจากเวที PMQA ขอนแก่น"
keys Escape
wait_for "บันทึกแล้ว"
keys q
# the proposals on CDC-NORM
keys C
wait_for "A-BNG-69"
keys S
wait_for "PMQA-SELF"
keys c
wait_for "ข้อเสนอปรับค่ากลาง CDC-NORM"
wait_for "#1  v2   เพิ่มรายการ  การแลกเปลี่ยนเรียนรู้  เสนอแล้ว"
wait_for "เหตุผล: บทเรียนจากเวที PMQA ขอนแก่น"
keys y
wait_for "รับข้อเสนอแล้ว"
wait_for "การแลกเปลี่ยนเรียนรู้  รับข้อเสนอ"
keys v
wait_for "ฉบับที่ 2 → ฉบับที่ 3: เพิ่ม 1 ข้อ ตัดออก 0 ข้อ เปลี่ยน 0 ข้อ คงเดิม 17 ข้อ"
wait_for "+ LE3  แผนเสร็จภายใน ๓ วัน"
wait_for "กลุ่ม: การแลกเปลี่ยนเรียนรู้"
keys u                                    # the whole version, one step
wait_for "ยกเลิกการแก้ไขและบันทึกแล้ว"
keys q
wait_for "การแลกเปลี่ยนเรียนรู้  รับข้อเสนอ"    # accepted again, not applied
keys q
wait_for "PMQA-SELF"
absent "ร่าง"                             # no version 3 left
# the success factors of v2: the one assessment picked by hand
keys Home F
wait_for "CDC-NORM ฉบับ 2: การประเมินที่สำเร็จ (ระดับ 4 ขึ้นไป) 0 ครั้ง ที่เหลือ 1 ครั้ง"
keys f
wait_for "เลือกพื้นที่เอง"
keys Down Down Down Down Enter
wait_for "[ ]  A-BNG-69"
keys Space
wait_for "[✓]  A-BNG-69"
keys Enter
wait_for "สำเร็จ (เลือกเอง) 1 ครั้ง ที่เหลือ 0 ครั้ง"
wait_for "SM1     100.0% (1)"
keys Q
wait_for "EXIT=0 TTY=restored"
