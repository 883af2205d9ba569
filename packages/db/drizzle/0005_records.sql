CREATE TABLE `action_item_events` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer NOT NULL,
	`field` text NOT NULL,
	`from` text,
	`to` text,
	`by` text,
	`at` text NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `action_items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `action_item_events_item` ON `action_item_events` (`item_id`,`seq`);--> statement-breakpoint
CREATE TABLE `action_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`room_id` text,
	`key` text NOT NULL,
	`template` text NOT NULL,
	`workshop_title` text NOT NULL,
	`source_shape_ids` text NOT NULL,
	`text` text NOT NULL,
	`owner_name` text NOT NULL,
	`owner_key` text NOT NULL,
	`due` text,
	`status` text NOT NULL,
	`board_text` text NOT NULL,
	`board_owner_name` text NOT NULL,
	`board_due` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `action_items_room_key` ON `action_items` (`room_id`,`key`);--> statement-breakpoint
CREATE INDEX `action_items_owner` ON `action_items` (`owner_key`);--> statement-breakpoint
CREATE TABLE `decision_records` (
	`number` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`status` text NOT NULL,
	`date` text NOT NULL,
	`room_id` text,
	`template` text NOT NULL,
	`workshop_title` text NOT NULL,
	`content` text NOT NULL,
	`source_shape_ids` text NOT NULL,
	`supersedes` integer,
	`superseded_by` integer,
	`search_text` text NOT NULL,
	`owner_keys` text NOT NULL,
	`tag_keys` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`supersedes`) REFERENCES `decision_records`(`number`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`superseded_by`) REFERENCES `decision_records`(`number`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `decision_records_room` ON `decision_records` (`room_id`);--> statement-breakpoint
CREATE INDEX `decision_records_date` ON `decision_records` (`date`);--> statement-breakpoint
CREATE TABLE `decision_status_events` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`record_number` integer NOT NULL,
	`status` text NOT NULL,
	`by` text,
	`at` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`record_number`) REFERENCES `decision_records`(`number`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `decision_status_events_record` ON `decision_status_events` (`record_number`,`seq`);--> statement-breakpoint
CREATE TABLE `workshop_outputs` (
	`room_id` text NOT NULL,
	`kind` text NOT NULL,
	`position` integer NOT NULL,
	`data` text NOT NULL,
	PRIMARY KEY(`room_id`, `kind`, `position`),
	FOREIGN KEY (`room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE cascade
);
