CREATE TABLE `members` (
	`id` text PRIMARY KEY NOT NULL,
	`room_id` text NOT NULL,
	`role` text NOT NULL,
	`name` text NOT NULL,
	`secret_hash` text NOT NULL,
	`link_generation` integer NOT NULL,
	`joined_at` integer NOT NULL,
	FOREIGN KEY (`room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `members_room` ON `members` (`room_id`);--> statement-breakpoint
CREATE TABLE `room_commands` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`room_id` text NOT NULL,
	`member_id` text,
	`role` text NOT NULL,
	`type` text NOT NULL,
	`payload` text NOT NULL,
	`outcome` text NOT NULL,
	`reason` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `room_commands_room_seq` ON `room_commands` (`room_id`,`seq`);--> statement-breakpoint
CREATE TABLE `room_links` (
	`room_id` text NOT NULL,
	`role` text NOT NULL,
	`token` text NOT NULL,
	`generation` integer DEFAULT 1 NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `room_links_room_role` ON `room_links` (`room_id`,`role`);--> statement-breakpoint
-- Rooms created before roles existed get their three links (read them from this table).
INSERT INTO `room_links` (`room_id`, `role`, `token`, `generation`, `updated_at`)
SELECT r.`id`, v.`role`, lower(hex(randomblob(24))), 1, CAST(strftime('%s', 'now') AS INTEGER) * 1000
FROM `rooms` r
CROSS JOIN (SELECT 'facilitator' AS `role` UNION ALL SELECT 'participant' UNION ALL SELECT 'viewer') v;
