CREATE TABLE `vote_ballots` (
	`vote_id` text NOT NULL,
	`room_id` text NOT NULL,
	`member_id` text NOT NULL,
	`ballot` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`vote_id`, `member_id`),
	FOREIGN KEY (`room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE cascade
);
