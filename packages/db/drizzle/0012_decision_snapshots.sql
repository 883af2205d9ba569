CREATE TABLE `decision_snapshots` (
	`record_number` integer PRIMARY KEY NOT NULL,
	`room_id` text,
	`taken_at` integer NOT NULL,
	`state` blob NOT NULL,
	FOREIGN KEY (`record_number`) REFERENCES `decision_records`(`number`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE set null
);
