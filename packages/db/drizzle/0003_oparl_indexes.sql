CREATE INDEX "agenda_items_municipality_id" ON "agenda_items" USING btree ("municipality_id","id");--> statement-breakpoint
CREATE INDEX "agenda_items_hearing" ON "agenda_items" USING btree ("hearing_id");--> statement-breakpoint
CREATE INDEX "attachments_municipality_id" ON "attachments" USING btree ("municipality_id","id");