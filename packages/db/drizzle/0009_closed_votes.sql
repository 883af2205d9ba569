CREATE TABLE `closed_votes` (
	`vote_id` text PRIMARY KEY NOT NULL,
	`room_id` text NOT NULL,
	`closed_at` integer NOT NULL,
	FOREIGN KEY (`room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE cascade
);
