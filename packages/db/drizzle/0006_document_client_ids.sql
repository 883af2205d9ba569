CREATE TABLE `document_client_ids` (
	`room_id` text NOT NULL,
	`client_id` integer NOT NULL,
	`principal` text NOT NULL,
	PRIMARY KEY(`room_id`, `client_id`),
	FOREIGN KEY (`room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE cascade
);
