-- support.sql - the support requests of tests/data/reports (no CSV kind
-- loads them yet).  By frame and with whom (coalesce(referred_to, source)):
--   frame 1, the fund: 3 asked 18,000.00; 1 agreed 8,000.00; 1 declined; 1 waiting
--   frame 2, the region (referred by the province): 1 asked 2,000.00, waiting
--   no frame, the local government: 1 asked no baht, partly agreed 1,500.00
--   total: 5, 20,000.00 asked; 2 agreed 9,500.00; 1 declined; 2 waiting
INSERT INTO support_request(entry_id, needed, source, frame_id, amount, status, referred_to,
 amount_agreed)
 SELECT e.id, x.needed, x.source, (SELECT id FROM support_frame WHERE code = x.frame), x.amount,
  x.status, x.referred_to, x.agreed
 FROM (SELECT 'A1' AS a, 'I1' AS i, 'งบจัดซื้อสบู่' AS needed, 'fund' AS source, '1' AS frame,
        10000 AS amount, 'agreed' AS status, NULL AS referred_to, 8000 AS agreed
  UNION ALL SELECT 'A2', 'I4', 'งบอบรม', 'fund', '1', 5000, 'declined', NULL, NULL
  UNION ALL SELECT 'A3', 'I2', 'วิทยากร', 'province', '2', 2000, 'referred', 'region', NULL
  UNION ALL SELECT 'A4', 'I2', 'ป้ายประกาศ', 'fund', '1', 3000, 'requested', NULL, NULL
  UNION ALL SELECT 'A4', 'I3', 'อาสาสมัคร', 'local', NULL, NULL, 'partly_agreed', NULL, 1500) x
 JOIN assessment a ON a.code = x.a JOIN norm_item n ON n.set_id = a.set_id AND n.code = x.i
 JOIN assessment_entry e ON e.assessment_id = a.id AND e.item_id = n.id;
