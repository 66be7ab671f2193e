// valid
'use strict';

const Accounts = module.exports;

Accounts.displayName = function (account) {
	return account.fullname || account.username;
};

require('./data')(Accounts);
