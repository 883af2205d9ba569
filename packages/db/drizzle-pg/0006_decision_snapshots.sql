CREATE TABLE "decision_snapshots" (
	"record_number" integer PRIMARY KEY NOT NULL,
	"room_id" text,
	"taken_at" timestamp (3) with time zone NOT NULL,
	"state" "bytea" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "decision_snapshots" ADD CONSTRAINT "decision_snapshots_record_number_decision_records_number_fk" FOREIGN KEY ("record_number") REFERENCES "public"."decision_records"("number") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_snapshots" ADD CONSTRAINT "decision_snapshots_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE set null ON UPDATE no action;