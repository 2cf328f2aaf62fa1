/**
 * plan-service, the command side: the Plan aggregate and its event store. Its packages depend on each other in
 * one direction only (ArchitectureTest fails on any cycle); each may use those listed below it, never those above:
 * <pre>
 * web          HTTP: controllers (web.plan, web.item, web.progress, web.report), filters, problem answers,
 *              If-Match, the request's caller and correlation id
 * exchange     HTTP adapters of Word/Excel import and export (the documents themselves: plan-documents)
 * audit        the hash chain: sealing, checkpoints, verification (with its own controller)
 * application  sending a command for a caller: access check first, metadata, retries on conflicts
 * security     who may do what: tokens, the caller, PlanGuard (asks the access policy with the plan's scope)
 * view         plan-service's own view of each plan (PlanView), written in the command's transaction
 * storage      how plans are loaded: the kept plans, snapshots
 * domain       the Plan aggregate: its rules, limits and rejections
 * messaging    the event store, its transactions and Kafka publishing
 * problem      the problem+json bodies every layer answers refusals with
 * </pre>
 * Package by feature stays the style inside each of them; the bench's in-process load is not here but in
 * infra/bench-hooks, added to the class path only when the benchmark starts the service.
 */
package vn.caitien.planservice;
