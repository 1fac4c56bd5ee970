#!/bin/sh
# A $VISUAL that saves a paragraph and is still open when the line drops
# (the screens get SIGHUP meanwhile); it then ends as a killed editor would.
printf 'ข้อความที่เขียนในโปรแกรมแก้ไขก่อนสายหลุด\n' >"$1"
sleep 2
exit 1
