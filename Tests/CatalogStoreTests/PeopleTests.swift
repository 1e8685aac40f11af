@testable import CatalogStore
import Foundation
import GRDB
import Testing
import TestSupport

/// People who sign in: one-time passwords kept only as bcrypt hashes, a lockout after
/// failed sign-ins, their own password at the first sign-in, every change audited.
struct PeopleTests {
    static func created() throws -> (StoreFixture, String) {
        let fixture = try StoreFixture()
        let (person, password) = try fixture.store.createPerson(login: "wang.li", displayName: "王丽", role: .officer, scope: ["sihong-4x"], actor: "operator")
        #expect(person.mustChangePassword && person.scope == ["sihong-4x"] && password.count == 12)
        return (fixture, password)
    }

    @Test func aPersonGetsAOneTimePasswordKeptOnlyAsAHash() throws {
        let (fixture, password) = try Self.created()
        let hash = try fixture.store.read { db in try String.fetchOne(db, sql: "SELECT password_hash FROM person") }
        #expect(hash?.hasPrefix("$2b$") == true && hash?.contains(password) == false)
        #expect(try fixture.store.auditLog(subject: "person:wang.li").map(\.action) == ["person.create"])
        #expect(throws: StoreError.loginTaken("wang.li")) {
            try fixture.store.createPerson(login: "wang.li", displayName: "another", role: .producer, scope: ["farm"], actor: "operator")
        }
        for bad in ["WL", "王丽", "a b c", String(repeating: "x", count: 41)] {
            #expect(throws: StoreError.loginInvalid(bad)) { try fixture.store.createPerson(login: bad, displayName: "x", role: .station, scope: ["321324"], actor: "o") }
        }
        #expect(try fixture.store.people().map(\.login) == ["wang.li"])
    }

    @Test func failedSignInsLockTheAccountForAWhile() throws {
        let (fixture, password) = try Self.created()
        let now = Date()
        #expect(try fixture.store.signIn(login: "nobody", password: password, now: now) == .refused)
        for _ in 1..<CatalogStore.signInAttempts {
            #expect(try fixture.store.signIn(login: "wang.li", password: "wrong", now: now) == .refused)
        }
        guard case .locked(let until) = try fixture.store.signIn(login: "wang.li", password: "wrong", now: now) else {
            Issue.record("the fifth failure did not lock the account")
            return
        }
        // Locked: even the right password is refused, until the lockout ends.
        #expect(try fixture.store.signIn(login: "wang.li", password: password, now: now.addingTimeInterval(60)) == .locked(until: until))
        guard case .signedIn(let person) = try fixture.store.signIn(login: "wang.li", password: password, now: now.addingTimeInterval(CatalogStore.lockout + 1)) else {
            Issue.record("the right password after the lockout did not sign in")
            return
        }
        #expect(person.lockedUntil == nil && person.mustChangePassword)
        #expect(try fixture.store.auditLog(subject: "person:wang.li").map(\.action).contains("person.lock"))
    }

    @Test func aPersonChoosesTheirOwnPassword() throws {
        let (fixture, password) = try Self.created()
        #expect(throws: StoreError.self) { try fixture.store.changePassword(login: "wang.li", current: password, new: "short") }
        #expect(throws: StoreError.self) { try fixture.store.changePassword(login: "wang.li", current: "wrong-one-entirely", new: "a-long-new-password") }
        try fixture.store.changePassword(login: "wang.li", current: password, new: "稻花香里说丰年-2026")
        #expect(try fixture.store.signIn(login: "wang.li", password: password) == .refused)
        guard case .signedIn(let person) = try fixture.store.signIn(login: "wang.li", password: "稻花香里说丰年-2026") else {
            Issue.record("the new password did not sign in")
            return
        }
        #expect(!person.mustChangePassword)

        // A reset gives a new one-time password; disabling stops every sign-in.
        let reset = try fixture.store.resetPassword(login: "wang.li", actor: "operator")
        guard case .signedIn(let again) = try fixture.store.signIn(login: "wang.li", password: reset) else {
            Issue.record("the reset password did not sign in")
            return
        }
        #expect(again.mustChangePassword)
        #expect(try fixture.store.disablePerson(login: "wang.li", actor: "operator"))
        #expect(try !fixture.store.disablePerson(login: "wang.li", actor: "operator"))
        #expect(try fixture.store.signIn(login: "wang.li", password: reset) == .disabled)
        #expect(throws: StoreError.personNotFound("nobody")) { try fixture.store.resetPassword(login: "nobody", actor: "operator") }
        #expect(try fixture.store.auditLog(subject: "person:wang.li").map(\.action).sorted()
                == ["person.change_password", "person.create", "person.disable", "person.reset_password"])
    }
}
