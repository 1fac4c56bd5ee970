# put-conflict.sh - sourced by the CLI and screen tests of conflicts
# between offices: a conflict put into sync_conflict as an exchange
# records it, with fixed people and times, both rows as JSON, who and when
# on each side (the change-log trigger set aside for the insert, as
# sqlite3 has no rm_user()).

# put_conflict DB PEER UID NEEDED AMOUNT [OURS]: request UID changed there
# to NEEDED and AMOUNT baht, ours as it is now (or as if it asked OURS baht)
put_conflict() {
	trig=$(sqlite3 "$1" "SELECT sql FROM sqlite_master WHERE type = 'trigger'
		AND name = 'log_sync_conflict_ai'")
	sqlite3 "$1" "DROP TRIGGER log_sync_conflict_ai;
	INSERT INTO sync_conflict(peer, seq, kind, key, local, remote, local_who, local_at,
		remote_who, remote_at, found_at)
	SELECT '$2', 3, 'support_request', json_array(r.uid),
		json_object('uid', r.uid, 'assessment', a.code, 'item', i.code, 'needed', r.needed,
			'source', r.source, 'frame', f.code, 'amount', ${6:-r.amount}, 'status', r.status,
			'referred_to', NULL, 'given', NULL, 'amount_agreed', NULL, 'filed_frame', NULL,
			'answer_note', NULL, 'answered_by', NULL, 'answered_on', NULL),
		json_object('uid', r.uid, 'assessment', a.code, 'item', i.code, 'needed', '$4',
			'source', r.source, 'frame', f.code, 'amount', $5, 'status', r.status,
			'referred_to', NULL, 'given', NULL, 'amount_agreed', NULL, 'filed_frame', NULL,
			'answer_note', NULL, 'answered_by', NULL, 'answered_on', NULL),
		'สมชาย', '2026-01-05T02:00:00.000Z', 'มาลี', '2026-01-06T03:00:00.000Z',
		'2026-01-07T04:00:00.000Z'
	FROM support_request r JOIN assessment_entry e ON e.id = r.entry_id
	JOIN assessment a ON a.id = e.assessment_id JOIN norm_item i ON i.id = e.item_id
	LEFT JOIN support_frame f ON f.id = r.frame_id WHERE r.uid = '$3';
	$trig;"
}
