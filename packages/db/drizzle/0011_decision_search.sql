-- The decision log's full-text index (rec:SG1): FTS5 over decision_records.search_text, stemmed
-- (porter); accents count, as in PostgreSQL's 'english' configuration. One row per record (rowid
-- = its number), kept by the triggers below.
CREATE VIRTUAL TABLE `decision_search` USING fts5(`text`, tokenize = 'porter unicode61 remove_diacritics 0');
--> statement-breakpoint
CREATE TRIGGER `decision_search_insert` AFTER INSERT ON `decision_records` BEGIN
  INSERT INTO `decision_search` (rowid, `text`) VALUES (new.`number`, new.`search_text`);
END;
--> statement-breakpoint
CREATE TRIGGER `decision_search_update` AFTER UPDATE OF `search_text` ON `decision_records` BEGIN
  UPDATE `decision_search` SET `text` = new.`search_text` WHERE rowid = new.`number`;
END;
--> statement-breakpoint
CREATE TRIGGER `decision_search_delete` AFTER DELETE ON `decision_records` BEGIN
  DELETE FROM `decision_search` WHERE rowid = old.`number`;
END;
--> statement-breakpoint
INSERT INTO `decision_search` (rowid, `text`) SELECT `number`, `search_text` FROM `decision_records`;
