CREATE TABLE "closed_votes" (
	"vote_id" text PRIMARY KEY NOT NULL,
	"room_id" text NOT NULL,
	"closed_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "closed_votes" ADD CONSTRAINT "closed_votes_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;