CREATE TABLE `submissions` (
	`room_id` text NOT NULL,
	`kind` text NOT NULL,
	`member_id` text NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`room_id`, `kind`, `member_id`),
	FOREIGN KEY (`room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `workshop_results` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`room_id` text NOT NULL,
	`template` text NOT NULL,
	`result` text NOT NULL,
	`closed_by` text,
	`closed_at` integer NOT NULL,
	FOREIGN KEY (`room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `workshop_results_room_seq` ON `workshop_results` (`room_id`,`seq`);--> statement-breakpoint
ALTER TABLE `private_notes` ADD `region` text;--> statement-breakpoint
ALTER TABLE `rooms` ADD `template` text DEFAULT 'blank' NOT NULL;--> statement-breakpoint
ALTER TABLE `rooms` ADD `previous_room_id` text;