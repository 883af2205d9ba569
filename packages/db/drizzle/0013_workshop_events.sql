CREATE TABLE `workshop_events` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`room_id` text NOT NULL,
	`kind` text NOT NULL,
	`by` text NOT NULL,
	`at` text NOT NULL,
	`note` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `workshop_events_room` ON `workshop_events` (`room_id`,`seq`);