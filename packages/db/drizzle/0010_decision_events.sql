CREATE TABLE `decision_events` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`record_number` integer NOT NULL,
	`kind` text NOT NULL,
	`by` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`record_number`) REFERENCES `decision_records`(`number`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `decision_events_record` ON `decision_events` (`record_number`,`seq`);